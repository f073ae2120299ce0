"""Conference logistics backend: accreditation, programme, protocol and calendar traffic."""

__version__ = "0.1.0"
