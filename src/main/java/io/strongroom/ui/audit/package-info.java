/**
 * The Audit section of the console, contributed by {@link io.strongroom.ui.audit.AuditFeature}:
 * CloudTrail's events of the chosen scopes, looked up with a time range and an optional lookup
 * attribute ({@link io.strongroom.ui.audit.AuditQueryForm}), streamed per scope; a filterable
 * event table with the CloudTrail record of the selected event; who read which secret
 * ({@link io.strongroom.ui.audit.MatrixModel}) with drill-down to the events; and export of the
 * events shown as CSV or JSON Lines. The timeline and anomalies panels are built in
 * {@code ui.audit.timeline} and {@code ui.audit.anomaly} and placed by the feature.
 */
package io.strongroom.ui.audit;
