package vn.diemcau.common;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Work for when the current transaction has ended, whichever way (at once outside a transaction). */
public final class AfterTransaction {
    private AfterTransaction() {}

    public static void run(TransactionSynchronizationRegistry tx, Runnable work) {
        if (tx.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            work.run();
            return;
        }
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                work.run();
            }
        });
    }
}
