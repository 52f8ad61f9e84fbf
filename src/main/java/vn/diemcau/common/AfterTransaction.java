package vn.diemcau.common;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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

    /**
     * Keeps {@code item} under {@code key} for the current transaction; once it commits, everything
     * kept under that key goes to {@code onCommit} at once, in the order it came (nothing if it rolls
     * back). Outside a transaction the item goes at once, alone. The first call of a transaction
     * for a key decides its {@code onCommit}.
     */
    public static <T> void collect(
            TransactionSynchronizationRegistry tx, Object key, T item, Consumer<List<T>> onCommit) {
        if (tx.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            onCommit.accept(List.of(item));
            return;
        }
        @SuppressWarnings("unchecked")
        List<T> kept = (List<T>) tx.getResource(key);
        if (kept == null) {
            List<T> items = new ArrayList<>();
            tx.putResource(key, items);
            tx.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) onCommit.accept(items);
                }
            });
            kept = items;
        }
        kept.add(item);
    }
}
