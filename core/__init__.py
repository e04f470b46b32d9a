"""The bottom layer: pieces every app uses and none owns. It imports no app of the project.

- `privacy`: the CPR guard for free text, and its form mixin.
- `pdf`: every PDF of the app is rendered, and answered as a download, here.
- `http`: the download response, htmx's partial-or-page answer.
- `refusals`: the base exception a service raises when a write cannot be made.
- `mail`: absolute links for emails.
- `dates`: local midnight of a day.
- `hooks`: how a higher layer adds to a lower one's work without being imported by it.
- `templatetags/core.py`: the template filters and the `slot` tag every app's pages use.
"""
