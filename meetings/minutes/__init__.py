"""The minutes ("referat") of a meeting: the document, its page, its PDF and its email."""
