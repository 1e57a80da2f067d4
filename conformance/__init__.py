"""havip conformance suite: drives a havip server through the official Alibaba
Cloud Python SDKs and raw HTTP. See README.md."""
