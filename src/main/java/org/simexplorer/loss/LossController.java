package org.simexplorer.loss;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LossController {

    private final LossService losses;

    LossController(LossService losses) {
        this.losses = losses;
    }

    @PostMapping("/api/loss")
    LossResult evaluate(@RequestBody LossRequest request) {
        return losses.evaluate(request);
    }

    @GetMapping("/api/losses")
    List<LossDescription> list() {
        return losses.describe();
    }
}
