print("trackway")
