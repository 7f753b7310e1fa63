"""Support for the boto3 conformance suite: clients pointed at a running `strongroom serve`.

The suite runs under Debian's python3-boto3 (boto3 1.26, botocore 1.29), a client nobody on this
project wrote. Operations that botocore release does not model yet (BatchGetSecretValue,
ListSecrets' SortBy) are sent with `raw_json` (JSON 1.1) or `raw_rest` (REST-JSON: Access Analyzer's
custom policy checks), still signed by botocore's own SigV4 signer.

The store is found through the environment that Boto3ConformanceTest (JUnit) sets:
STRONGROOM_ENDPOINT, STRONGROOM_ACCESS_KEY_ID, STRONGROOM_SECRET_ACCESS_KEY.
"""
import json
import os
import unittest
import urllib.error
import urllib.parse
import urllib.request
import uuid

import boto3
import botocore.auth
import botocore.awsrequest
import botocore.config
import botocore.credentials
from botocore.exceptions import ClientError

ENDPOINT = os.environ.get("STRONGROOM_ENDPOINT", "http://127.0.0.1:4566")
ACCESS_KEY_ID = os.environ.get("STRONGROOM_ACCESS_KEY_ID", "")
SECRET_ACCESS_KEY = os.environ.get("STRONGROOM_SECRET_ACCESS_KEY", "")
DEFAULT_REGION = "us-east-1"

_NO_RETRIES = botocore.config.Config(retries={"max_attempts": 1, "mode": "standard"},
                                     connect_timeout=5, read_timeout=30)

# The JSON-1.1 target prefix of each service raw_json speaks to.
_TARGET_PREFIX = {"secretsmanager": "secretsmanager", "kms": "TrentService",
                  "cloudtrail": "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101"}


def credentials():
    return botocore.credentials.Credentials(ACCESS_KEY_ID, SECRET_ACCESS_KEY)


def client(service, region=DEFAULT_REGION, access_key_id=None, secret_access_key=None,
           session_token=None, signed=True, validate=True):
    """A boto3 client for `service` on the store, with the admin credentials and no retries.
    validate=False turns botocore's own parameter checks off, so a request it would refuse
    reaches the store (as it does from clients that do not check, such as the Java SDK)."""
    config = _NO_RETRIES
    if not validate:
        config = config.merge(botocore.config.Config(parameter_validation=False))
    if not signed:
        config = config.merge(botocore.config.Config(signature_version=botocore.UNSIGNED))
    return boto3.client(service, region_name=region, endpoint_url=ENDPOINT,
                        aws_access_key_id=access_key_id or ACCESS_KEY_ID,
                        aws_secret_access_key=secret_access_key or SECRET_ACCESS_KEY,
                        aws_session_token=session_token, config=config)


def unique(prefix="conformance"):
    """A resource name no other test uses."""
    return "%s-%s" % (prefix, uuid.uuid4().hex[:12])


def _send(request):
    """Sends a botocore AWSRequest with urllib; returns (status, body text)."""
    prepared = request.prepare()
    http_request = urllib.request.Request(prepared.url, data=prepared.body, method=prepared.method,
                                          headers=dict(prepared.headers.items()))
    try:
        with urllib.request.urlopen(http_request, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def raw_json(service, target, body, region=DEFAULT_REGION, signed=True):
    """A JSON-1.1 call `target` (an operation name) with `body` (a dict), signed by botocore's
    SigV4Auth. Returns (status, parsed JSON body or {})."""
    data = json.dumps(body).encode("utf-8")
    headers = {"Content-Type": "application/x-amz-json-1.1",
               "X-Amz-Target": "%s.%s" % (_TARGET_PREFIX.get(service, service), target)}
    request = botocore.awsrequest.AWSRequest(method="POST", url=ENDPOINT + "/", data=data, headers=headers)
    if signed:
        botocore.auth.SigV4Auth(credentials(), service, region).add_auth(request)
    status, text = _send(request)
    return status, (json.loads(text) if text.strip() else {})


def raw_rest(signing_name, method, path, body, region=DEFAULT_REGION):
    """A REST-JSON call (Access Analyzer) of `method` and `path` with the JSON `body` (a dict),
    signed by botocore's SigV4Auth for `signing_name`. Returns (status, parsed JSON body or {})."""
    data = json.dumps(body).encode("utf-8")
    headers = {"Content-Type": "application/json"}
    request = botocore.awsrequest.AWSRequest(method=method, url=ENDPOINT + path, data=data, headers=headers)
    botocore.auth.SigV4Auth(credentials(), signing_name, region).add_auth(request)
    status, text = _send(request)
    return status, (json.loads(text) if text.strip() else {})


def raw_query(service, params, signed=True, region=DEFAULT_REGION):
    """A query-protocol call (STS, IAM) with form `params`. Returns (status, response text)."""
    data = urllib.parse.urlencode(params).encode("utf-8")
    headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}
    request = botocore.awsrequest.AWSRequest(method="POST", url=ENDPOINT + "/", data=data, headers=headers)
    if signed:
        botocore.auth.SigV4Auth(credentials(), service, region).add_auth(request)
    return _send(request)


def json_error_code(body):
    """The error code of a JSON-1.1 error body, without any namespace prefix."""
    code = body.get("__type", "")
    return code.split("#")[-1]


class ConformanceCase(unittest.TestCase):
    """A test case with assertions on AWS errors as botocore reports them."""

    maxDiff = None

    def assertAwsError(self, call, code, message=None, message_contains=None, status=None):
        """Calls `call()` and asserts it fails with `code` (and `message` word for word, or a
        message containing `message_contains`, and the HTTP `status`). Returns the ClientError."""
        with self.assertRaises(ClientError) as raised:
            call()
        error = raised.exception.response.get("Error", {})
        self.assertEqual(code, error.get("Code"), "error code (message: %r)" % error.get("Message"))
        if message is not None:
            self.assertEqual(message, error.get("Message"))
        if message_contains is not None:
            self.assertIn(message_contains, error.get("Message", ""))
        if status is not None:
            self.assertEqual(status, raised.exception.response["ResponseMetadata"]["HTTPStatusCode"])
        return raised.exception


class SecretsManagerCase(ConformanceCase):
    """A test case whose class shares one Secrets Manager client, `sm`, made before its tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sm = client("secretsmanager")
