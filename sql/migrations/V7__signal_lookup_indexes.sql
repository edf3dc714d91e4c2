-- The risk engine asks, at every claim, for live signals from outside (source STREAM or STAFF) on the
-- claim's contact, address and device. The engine itself records many more signals (source ENGINE),
-- so the lookups lead with the source: one short index range each instead of a scan that grows with
-- every claim.
CREATE INDEX ix_signal_source_contact ON fraud_signal (source, contact, expires_at);
CREATE INDEX ix_signal_source_ip ON fraud_signal (source, client_ip, expires_at);
CREATE INDEX ix_signal_source_device ON fraud_signal (source, device_id, expires_at);
