"""The study overview: the home screen that lists interviews and opens every workflow."""
