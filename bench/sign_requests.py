#!/usr/bin/env python3
"""Writes pre-signed RPC V1 request paths (GET /?...&Signature=...), one per line, each with its own
nonce, so that wrk can replay them without paying for signing: the server still verifies every
signature, the timestamp and the nonce. Paths stay valid for 15 minutes.

Usage: sign_requests.py --count N --out FILE --key ID:SECRET [--cycle NAME=V1,V2,...] PARAM=VALUE ...
  e.g. sign_requests.py --count 300000 --out /tmp/p --key bench:benchsecret \
       Action=DescribeHaVips RegionId=cn-hangzhou Filter.1.Key=VpcId Filter.1.Value.1=vpc-x
  --cycle spreads the requests over several values (CreateHaVip over several vSwitches).
"""

import argparse
import base64
import hashlib
import hmac
import time
from urllib.parse import quote


def encode(text: str) -> str:
    return quote(text, safe="~")


def signed_path(params: dict, key: str, nonce: str, version: str = "2016-04-28") -> str:
    """One signed V1 GET path for `params` (business parameters, Action included), with its own nonce."""
    key_id, secret = key.split(":", 1)
    pairs = dict(params)
    pairs.update({
        "Version": version, "Format": "JSON", "AccessKeyId": key_id, "SignatureMethod": "HMAC-SHA1", "SignatureVersion": "1.0",
        "Timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "SignatureNonce": nonce,
    })
    return _sign({encode(k): encode(v) for k, v in pairs.items()}, (secret + "&").encode())


def _sign(encoded: dict, mac_key: bytes) -> str:
    canonical = "&".join(f"{k}={encoded[k]}" for k in sorted(encoded))
    string_to_sign = "GET&%2F&" + encode(canonical)
    signature = base64.b64encode(hmac.new(mac_key, string_to_sign.encode(), hashlib.sha1).digest()).decode()
    return "/?" + canonical + "&Signature=" + encode(signature)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--key", required=True, help="ID:SECRET")
    parser.add_argument("--version", default="2016-04-28")
    parser.add_argument("--cycle", action="append", default=[], metavar="NAME=V1,V2,...",
                        help="a parameter whose value takes each of the values in turn, request after request")
    parser.add_argument("params", nargs="+", help="NAME=VALUE business parameters (Action included)")
    args = parser.parse_args()

    key_id, secret = args.key.split(":", 1)
    mac_key = (secret + "&").encode()
    timestamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    fixed = dict(p.split("=", 1) for p in args.params)
    fixed.update({
        "Version": args.version, "Format": "JSON", "AccessKeyId": key_id, "SignatureMethod": "HMAC-SHA1",
        "SignatureVersion": "1.0", "Timestamp": timestamp,
    })
    encoded_fixed = {encode(k): encode(v) for k, v in fixed.items()}
    cycles = [(encode(name), [encode(v) for v in values.split(",")]) for name, values in (c.split("=", 1) for c in args.cycle)]
    prefix = "nonce-%d-" % int(time.time() * 1000)
    with open(args.out, "w") as out:
        for index in range(args.count):
            pairs = dict(encoded_fixed)
            pairs["SignatureNonce"] = prefix + str(index)
            for name, values in cycles:
                pairs[name] = values[index % len(values)]
            out.write(_sign(pairs, mac_key) + "\n")


if __name__ == "__main__":
    main()
