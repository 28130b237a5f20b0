"""Offline, encrypted drafts and the once-only profile (core: no Qt).

- `crypto`: AES-256-GCM with a versioned header as associated data; `DamagedError`.
- `keys`: where the key comes from (OS keyring, PIN/passphrase with scrypt, memory).
- `unlock`: which key protects a drafts folder; what to ask the person, and why.
- `disk`: private folders, atomic and exclusive writes, bounded reads, stale temporary files.
- `files`: encrypted records, three generations; safe for several threads and processes.
- `rollback`: the newest generation of each draft, kept outside the folder, to notice a rollback.
- `store`: drafts (save after every change, load with fallback, list, delete).
- `profile`: the person's reusable details and prefilling by field meaning.
- `wipe`: "End session" on a shared PC.

Typical start-up (off the UI thread)::

    folder = paths.data / "drafts"
    choice = unlock.choose_key_source(folder, shared_pc=False)
    # READY → DraftStore(folder, choice.source); otherwise show choice.message and ask for a PIN:
    # unlock.create_passphrase_key(folder, pin) or unlock.open_passphrase_key(folder, pin)
"""
