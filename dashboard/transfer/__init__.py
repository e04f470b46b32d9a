"""Moving a team to another installation: its data as one JSON file (selectors, the
"teamlaering-team" format of schema.py), read into an installation without teams (services);
`manage.py team_export` and `team_import`, and the leader's download on the team's page."""
