package dev.pulse.bench.measure;

/**
 * The baseline of the report measurement: each answer computed by plain SQL from the fact tables
 * alone (follow-ups as projected, one row per accepted event), by the definitions of DESIGN.md,
 * with duplicate entries (same customer, rep, minute and whitespace-normalised content) counted once.
 */
final class PlainSql {

    private PlainSql() {
    }

    /** Follow-ups with duplicate entries dropped, as every aggregate counts them. */
    private static final String COUNTED = """
            select distinct on (customer_id, rep_id, date_trunc('minute', occurred_at),
                                btrim(regexp_replace(content, '[\\s\\u3000]+', ' ', 'g')))
                   customer_id, rep_id, team_id, occurred_at, stage, next_follow_up_at
              from followup
             order by customer_id, rep_id, date_trunc('minute', occurred_at),
                      btrim(regexp_replace(content, '[\\s\\u3000]+', ' ', 'g')), occurred_at""";

    private static final String STAGE_ORDER = """
            case stage when 'LEAD' then 1 when 'QUALIFIED' then 2 when 'PROPOSAL' then 3 when 'QUOTE' then 4
                       when 'CONTRACT' then 5 when 'WON' then 6 else 0 end""";

    /** Per cohort (first follow-up day in the zone between ? and ?): customers, reached and current per stage. */
    static final String FUNNEL = """
            with f as (%s),
            c as (select customer_id, min(occurred_at) as first_at, max(%s) as furthest, bool_or(stage = 'LOST') as ever_lost,
                         (array_agg(stage order by occurred_at desc))[1] as current_stage
                    from f group by customer_id)
            select count(*) as customers,
                   count(*) filter (where furthest >= 1) as r_lead, count(*) filter (where furthest >= 2) as r_qualified,
                   count(*) filter (where furthest >= 3) as r_proposal, count(*) filter (where furthest >= 4) as r_quote,
                   count(*) filter (where furthest >= 5) as r_contract, count(*) filter (where furthest >= 6) as r_won,
                   count(*) filter (where ever_lost) as r_lost,
                   count(*) filter (where current_stage = 'LEAD') as c_lead,
                   count(*) filter (where current_stage = 'QUALIFIED') as c_qualified,
                   count(*) filter (where current_stage = 'PROPOSAL') as c_proposal,
                   count(*) filter (where current_stage = 'QUOTE') as c_quote,
                   count(*) filter (where current_stage = 'CONTRACT') as c_contract,
                   count(*) filter (where current_stage = 'WON') as c_won,
                   count(*) filter (where current_stage = 'LOST') as c_lost
              from c
             where (first_at at time zone 'Asia/Shanghai')::date between ?::date and ?::date""".formatted(COUNTED, STAGE_ORDER);

    /** Per rep of team ? and day between ? and ?: follow-ups and distinct customers. */
    static final String ACTIVITY = """
            with f as (%s)
            select rep_id, to_char((occurred_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as bucket,
                   count(*) as follow_ups, count(distinct customer_id) as customers
              from f
             where team_id = ? and (occurred_at at time zone 'Asia/Shanghai')::date between ?::date and ?::date
             group by 1, 2 order by 2, 1""".formatted(COUNTED);

    /** {@link #ACTIVITY} of the customers whose first named source is ? (the overview cut by source). */
    static final String ACTIVITY_OF_SOURCE = """
            with f as (%s),
                 first_source as (select distinct on (customer_id) customer_id, source
                                    from followup where source is not null order by customer_id, occurred_at, event_id)
            select rep_id, to_char((occurred_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as bucket,
                   count(*) as follow_ups, count(distinct customer_id) as customers
              from f
             where team_id = ? and (occurred_at at time zone 'Asia/Shanghai')::date between ?::date and ?::date
               and customer_id in (select customer_id from first_source where source = ?)
             group by 1, 2 order by 2, 1""".formatted(COUNTED);

    /** Open customers of rep ? (owner: the rep of the latest follow-up) that are stale or overdue now. */
    static final String STALE = """
            with latest as (select distinct on (customer_id) customer_id, rep_id, stage, occurred_at, next_follow_up_at
                              from followup order by customer_id, occurred_at desc)
            select customer_id, 'STALE' as kind from latest
             where rep_id = ? and stage not in ('WON', 'LOST')
               and occurred_at + case stage when 'LEAD' then interval '14 days' when 'QUALIFIED' then interval '7 days'
                                            when 'PROPOSAL' then interval '7 days' else interval '3 days' end < now()
            union all
            select customer_id, 'OVERDUE' from latest
             where rep_id = ? and stage not in ('WON', 'LOST')
               and next_follow_up_at > occurred_at and next_follow_up_at < now()
            order by 1, 2""";
}
