"""Follow-up actions: who does what by when, agreed in rollups, meetings or by hand."""
