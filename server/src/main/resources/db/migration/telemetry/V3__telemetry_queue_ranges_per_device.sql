-- Each queued device's own range, parallel to device_ids: the readings of device_ids[i] lie between from_each_us[i]
-- and to_each_us[i] (epoch microseconds, inclusive). from_ts and to_ts bound the whole batch, which can be far wider
-- than one device's part of it (a device uploading an hour it had buffered widens it for every device in the batch),
-- and rolling up the batch's range for every device re-read readings that were rolled up already. Rows queued before
-- these columns existed have them null; their devices take the batch's range.
alter table rollup_queue
    add column from_each_us bigint[],
    add column to_each_us   bigint[];
