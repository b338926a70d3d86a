"""Every word cxaudit says, in en and de: evidence notes, report strings, step actions, quoting and numbers.

Imports nothing else of cxaudit, so any layer may use it."""
