package vn.diemcau.agenda;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Every item of the session, each once, in the new order. */
public record AgendaOrderRequest(@NotNull List<Long> itemIds) {}
