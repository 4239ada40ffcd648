"""From map to change: problem areas, ideas and actions, and the target state (the method's steps 9-10)."""
