"""The main screen (layout, focus, search as you type, filters) and the helpers it is
composed of: searching as the user types, and handing an article outside newsdesk."""
