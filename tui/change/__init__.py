"""The problem-area screen: from the map to change (problem areas, priorities, ideas, the target map)."""
