"""Response formats on the wire: Format=XML success and error documents, and the exact
JSON content type and request-id header."""

from __future__ import annotations

from .expect import (JSON_CONTENT_TYPE, REGION_NOT_FOUND, XML_CONTENT_TYPE, XML_DECLARATION,
                     assert_json_error, assert_json_ok, assert_request_id, assert_xml_error)
from .raw import v1_request


def test_xml_success(raw):
    resp = raw.send(v1_request("DescribeRegions", method="GET", fmt="XML"))
    assert resp.status == 200, resp
    assert resp.content_type == XML_CONTENT_TYPE
    assert resp.body.startswith(XML_DECLARATION)
    root = resp.xml()
    assert root.tag == "DescribeRegionsResponse"
    request_id = root.findtext("RequestId")
    assert_request_id(request_id)
    assert resp.request_id_header == request_id
    regions = root.findall("./Regions/Region")
    assert regions
    ids = [region.findtext("RegionId") for region in regions]
    assert {"cn-hangzhou", "cn-beijing", "ap-southeast-1", "us-west-1"} <= set(ids)
    for region in regions:
        assert region.findtext("LocalName")
        assert region.findtext("RegionEndpoint")


def test_xml_error(raw):
    req = v1_request("DescribeZones", {"RegionId": "xx-nowhere-1"}, method="GET", fmt="xml")
    assert_xml_error(raw.send(req), 404, "InvalidRegionId.NotFound", REGION_NOT_FOUND,
                     product="Vpc")


def test_json_success(raw):
    resp = raw.send(v1_request("DescribeRegions", method="GET"))
    assert resp.content_type == JSON_CONTENT_TYPE
    assert "cn-hangzhou" in {r["RegionId"] for r in assert_json_ok(resp)["Regions"]["Region"]}


def test_json_is_the_default_format(raw):
    assert_json_ok(raw.send(v1_request("DescribeRegions", fmt=None)))


def test_json_error(raw):
    req = v1_request("DescribeZones", {"RegionId": "xx-nowhere-1"})
    assert_json_error(raw.send(req), 404, "InvalidRegionId.NotFound", REGION_NOT_FOUND,
                      product="Vpc")
