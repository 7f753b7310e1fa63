"""CloudTrail LookupEvents as boto3 sees it: the store's own trail of the calls it served."""
import datetime
import json

import strongroom_conformance as sc


class LookupEventsTest(sc.ConformanceCase):

    @classmethod
    def setUpClass(cls):
        cls.secrets = sc.client("secretsmanager")
        cls.trail = sc.client("cloudtrail")
        cls.name = sc.unique("trail")
        cls.arn = cls.secrets.create_secret(Name=cls.name, SecretString="conformance-value")["ARN"]

    def _events_for_secret(self):
        return self.trail.lookup_events(LookupAttributes=[
            {"AttributeKey": "ResourceName", "AttributeValue": self.arn}])["Events"]

    def test_a_create_secret_call_is_found_by_resource_name(self):
        events = self._events_for_secret()
        self.assertIn("CreateSecret", [e["EventName"] for e in events])
        event = next(e for e in events if e["EventName"] == "CreateSecret")
        self.assertEqual("secretsmanager.amazonaws.com", event["EventSource"])
        self.assertIsInstance(event["EventTime"], datetime.datetime)
        self.assertIn({"ResourceType": "AWS::SecretsManager::Secret", "ResourceName": self.arn}, event["Resources"])

    def test_cloudtrail_event_json_never_carries_the_value(self):
        for event in self._events_for_secret():
            self.assertNotIn("conformance-value", event["CloudTrailEvent"])
            record = json.loads(event["CloudTrailEvent"])
            self.assertEqual(event["EventId"], record["eventID"])
            self.assertEqual("AwsApiCall", record["eventType"])

    def test_read_only_lookup_returns_only_read_only_events(self):
        self.secrets.describe_secret(SecretId=self.arn)
        events = self.trail.lookup_events(LookupAttributes=[
            {"AttributeKey": "ReadOnly", "AttributeValue": "true"}], MaxResults=50)["Events"]
        self.assertTrue(events)
        for event in events:
            self.assertTrue(json.loads(event["CloudTrailEvent"])["readOnly"], event["EventName"])

    def test_max_results_over_fifty_is_invalid_max_results(self):
        self.assertAwsError(lambda: self.trail.lookup_events(MaxResults=51), "InvalidMaxResultsException")

    def test_two_lookup_attributes_are_invalid(self):
        self.assertAwsError(lambda: self.trail.lookup_events(LookupAttributes=[
            {"AttributeKey": "EventName", "AttributeValue": "CreateSecret"},
            {"AttributeKey": "ReadOnly", "AttributeValue": "true"}]), "InvalidLookupAttributesException")

    def test_start_after_end_is_an_invalid_time_range(self):
        now = datetime.datetime.now(datetime.timezone.utc)
        self.assertAwsError(lambda: self.trail.lookup_events(
            StartTime=now, EndTime=now - datetime.timedelta(hours=1)), "InvalidTimeRangeException")

    def test_a_next_token_from_another_query_is_refused(self):
        page = self.trail.lookup_events(MaxResults=1)
        self.assertIn("NextToken", page)
        self.assertAwsError(lambda: self.trail.lookup_events(MaxResults=1, NextToken=page["NextToken"], LookupAttributes=[
            {"AttributeKey": "EventName", "AttributeValue": "CreateSecret"}]), "InvalidNextTokenException")
