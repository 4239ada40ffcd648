"""Tags and channels: every one with its counts; rename and merge them across the study."""
