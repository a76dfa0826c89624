package dev.pulse.events.activity;

/** Whose activity a row counts: one rep (within one team), or a whole team. */
public enum ActivityScope {
    REP, TEAM
}
