"""The audit log ("Adgangslog"): who read or changed what, the page that shows it and its CSV."""
