"""Faces: reading photos for the detector, dlib's model files, detection, encoding and enrollment."""
