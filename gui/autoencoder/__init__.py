"""The Autoencoder tab: a network squeezes 28×28 digits through a narrow middle and rebuilds them, live."""
