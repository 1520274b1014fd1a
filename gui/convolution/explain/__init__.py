"""Why did the network say that? The lab's explanation views: where it looks, what a channel looks for."""
