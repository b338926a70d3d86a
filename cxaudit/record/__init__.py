"""The only code that drives a page: actions, probes, the chat driver and the snapshot script."""
