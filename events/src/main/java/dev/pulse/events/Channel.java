package dev.pulse.events;

/** How a rep reached the customer (跟进方式). */
public enum Channel {
    PHONE, WECHAT, EMAIL, MEETING, VISIT, OTHER
}
