"""What does a channel look for? Its top held-out images, the image grown for it, and the worker behind them."""
