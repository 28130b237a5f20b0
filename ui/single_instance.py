"""A second start on the same data folder brings the running window to the front, then ends.

The rule (who holds a data folder) is `assistant.instance`; this is only the Qt hand-over: the
running window listens on a local socket named after its data folder (`instance.server_name`),
and a second start connects, asks "raise", and waits for "ok" before it exits.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, Qt, QThread
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

RAISE, OK = b"raise\n", b"ok\n"
HAND_OVER_SECONDS = 20.0    # the running copy may still be starting (catalog, fonts) on a slow PC


class Listener(QObject):
    """Listens for second starts and raises and activates `window` for each."""

    def __init__(self, name: str, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)   # this user only
        if not self.server.listen(name):
            # A socket file left by a crashed copy: we hold the instance lock, so it is stale.
            QLocalServer.removeServer(name)
            if not self.server.listen(name):
                log.warning("second starts cannot reach this window: %s", self.server.errorString())
        self.server.newConnection.connect(self._on_connection)

    def _on_connection(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.setParent(self)
            socket.readyRead.connect(lambda s=socket: self._on_request(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.canReadLine():
                self._on_request(socket)

    def _on_request(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        if bytes(socket.readLine().data()) == RAISE:
            self.bring_to_front()
            socket.write(OK)
            socket.flush()
        socket.disconnectFromServer()

    def bring_to_front(self) -> None:
        window = self.window
        window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
        window.show()
        window.raise_()
        window.activateWindow()
        log.info("window brought to the front for a second start")


def hand_over(name: str, seconds: float = HAND_OVER_SECONDS) -> bool:
    """Ask the running window to come to the front; True once it said it did."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(1000):
            socket.write(RAISE)
            socket.waitForBytesWritten(1000)
            remaining = max(1, int((deadline - time.monotonic()) * 1000))
            while not socket.canReadLine() and socket.waitForReadyRead(remaining):
                pass
            answered = socket.canReadLine() and bytes(socket.readLine().data()) == OK
            socket.abort()
            return answered
        QThread.msleep(100)    # not listening yet: the other copy is still starting
    return False
