"""What every app shares, below all of them: it imports no app."""
