"""Item models over the audit for the app's views."""
