package org.simexplorer.loss;

import org.simexplorer.errors.NotFoundException;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.DomainException;
import java.util.List;
import java.util.stream.Collectors;

/** Every loss the app offers, by id, in the order {@code GET /api/losses} lists them. */
public class PairLossRegistry {

    private final List<PairLoss> losses = List.of(
            new SeedSigmoidBceLoss(), new CosineMseLoss(), new ContrastiveLoss(), new OnlineContrastiveLoss(),
            new CoSentLoss(), new SoftmaxCeLoss(), new SigmoidLoss());

    public List<PairLoss> all() {
        return losses;
    }

    public List<String> ids() {
        return losses.stream().map(PairLoss::id).toList();
    }

    /**
     * @throws DomainException 400 when the id is missing, 404 when no loss has it; both list the known ids
     */
    public PairLoss find(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("'loss' is missing: name one of " + String.join(", ", ids()) + ".")
                    .with("knownLosses", ids());
        }
        for (PairLoss loss : losses) {
            if (loss.id().equals(id)) {
                return loss;
            }
        }
        throw new NotFoundException("Unknown loss '" + id + "'. Known losses: "
                + losses.stream().map(PairLoss::id).collect(Collectors.joining(", ")) + ".")
                .with("knownLosses", ids());
    }
}
