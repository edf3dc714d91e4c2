package io.keydesk.application;

/**
 * Something the supervisors' dashboard shows changed and is committed: a result of the streams job
 * was applied ({@code source} = its topic) or a ticket changed. Fired after the commit; observers
 * (the dashboard's push) must not write.
 */
public record DashboardChanged(String source) {}
