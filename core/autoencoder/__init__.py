"""The autoencoder lab's science: a network that squeezes a 28×28 image through a few numbers and rebuilds it.

model.py builds it layer by layer in the seeds' form (Linear W, b and a sigmoid on the way in, the
reverse on the way out); trainer.py trains it live, step by step, like the other trainers.
"""
