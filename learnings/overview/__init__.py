"""The learning overview ("Overblik over læringen"): what a team's last 12 months brought."""
