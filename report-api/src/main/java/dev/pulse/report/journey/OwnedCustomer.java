package dev.pulse.report.journey;

import dev.pulse.report.exports.Columns;

/**
 * A customer in one of the lists behind a cohort figure, with its owner as its journey gives it (the
 * rep and team of its latest follow-up). Every such list is exported starting with the same columns.
 */
public interface OwnedCustomer {

    String customerId();

    String customerName();

    String ownerRep();

    String ownerTeam();

    /** The columns an export of such customers starts with: who the customer is and who owns it. */
    static <T extends OwnedCustomer> Columns<T> columns() {
        return Columns.of(Columns.text("customer_id", OwnedCustomer::customerId),
                Columns.text("customer_name", OwnedCustomer::customerName),
                Columns.text("owner_rep", OwnedCustomer::ownerRep), Columns.text("owner_team", OwnedCustomer::ownerTeam));
    }
}
