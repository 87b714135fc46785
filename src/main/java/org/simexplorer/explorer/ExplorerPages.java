package org.simexplorer.explorer;

import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.DomainException;
import org.simexplorer.errors.NotFoundException;
import org.simexplorer.errors.ErrorStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.simexplorer.dataset.Dataset;
import org.simexplorer.dataset.DatasetJobs;
import org.simexplorer.dataset.DatasetLimits;
import org.simexplorer.dataset.DatasetService;
import org.simexplorer.dataset.TileProperties;
import org.simexplorer.formats.UploadFormat;
import org.simexplorer.formats.UploadParser;
import org.simexplorer.formats.ParsedUpload;
import org.simexplorer.formats.TextLine;
import org.simexplorer.embedding.ModelCatalog;
import org.simexplorer.embedding.ModelSpec;
import org.simexplorer.labels.LabelRepository;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTML pages: the dataset list with its create form, and the explorer page of one dataset. The explorer
 * itself runs in the browser against the JSON API; these pages only render the shell and handle the forms
 * (which carry the CSRF token that Spring Security checks, see security.WebSecurity).
 */
@Controller
class ExplorerPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatasetService datasets;
    private final LabelRepository labels;
    private final ModelCatalog models;
    private final MessageSource messages;
    private final DatasetLimits limits;
    private final DatasetJobs jobs;
    private final ModulePreloads preloads;
    private final TileProperties tiles;

    ExplorerPages(DatasetService datasets, LabelRepository labels, ModelCatalog models, MessageSource messages,
            DatasetLimits limits, DatasetJobs jobs, ModulePreloads preloads, TileProperties tiles) {
        this.datasets = datasets;
        this.preloads = preloads;
        this.tiles = tiles;
        this.jobs = jobs;
        this.limits = limits;
        this.labels = labels;
        this.models = models;
        this.messages = messages;
    }

    /** A line of the home list; the id and the creation time tell datasets of one name apart. */
    record DatasetRow(long id, String name, String model, int sentences, int labels, String created,
            String createdIso) {
    }

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** @param tiledAbove above this many sentences the page draws tiles, so it need not ask the server first */
    record DatasetHeader(long id, String name, String model, int sentences, int duplicates, int tiledAbove) {
    }

    record ModelOption(String id, String label, boolean isDefault) {
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("datasets", datasets.list().stream()
                .map(d -> new DatasetRow(d.id(), d.name(), d.model(), datasets.sentenceCount(d.id()),
                        labels.count(d.id()), CREATED.format(d.createdAt()), d.createdAt().toString()))
                .toList());
        model.addAttribute("jobs", jobs.unfinished());
        model.addAttribute("models", modelOptions());
        model.addAttribute("demoChineseModel", models.ids().contains(DemoDataset.CHINESE_MODEL)
                ? DemoDataset.CHINESE_MODEL : null);
        return "home";
    }

    @PostMapping("/datasets")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) String model,
            @RequestParam(defaultValue = "") String sentences, @RequestParam(required = false) MultipartFile file,
            Model page, HttpServletResponse response, Locale locale) {
        try {
            DatasetService.Change change;
            if (file != null && !file.isEmpty()) {
                limits.checkUploadSize(file.getSize());
                ParsedUpload upload = UploadParser.parse(file.getInputStream(),
                        UploadFormat.fromFilename(file.getOriginalFilename()));
                String datasetName = name.isBlank() ? file.getOriginalFilename() : name;
                change = datasets.create(datasetName, model, upload.sentences(), upload.pairs(), 2.5);
            } else {
                List<TextLine> lines = UploadParser.textLines(sentences);
                if (lines.isEmpty()) {
                    throw new InvalidInputException(messages.getMessage("home.create.empty", null, locale));
                }
                if (name.isBlank()) {
                    throw new InvalidInputException(messages.getMessage("home.create.nameMissing", null, locale));
                }
                change = datasets.create(name, model, lines, List.of(), 0);
            }
            return "redirect:/datasets/" + change.dataset().id();
        } catch (DomainException e) {
            response.setStatus(ErrorStatus.of(e));
            page.addAttribute("error", e.getMessage());
        } catch (IOException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            page.addAttribute("error", "The file could not be read: " + e.getMessage());
        }
        page.addAttribute("formName", name);
        page.addAttribute("formSentences", sentences);
        return home(page);
    }

    /**
     * Opens the demo of this model: the newest one there is, with its labels; a new one only when there is none or
     * when {@code fresh} asks for a new, unlabelled copy.
     */
    @PostMapping("/datasets/demo")
    String demo(@RequestParam(required = false) String model, @RequestParam(defaultValue = "false") boolean fresh,
            Model page, HttpServletResponse response) {
        try {
            String modelId = models.find(model).id();
            String name = DemoDataset.NAME + " (" + modelId + ")";
            if (!fresh) {
                Optional<Dataset> existing = datasets.list().stream()
                        .filter(d -> d.name().equals(name) && d.model().equals(modelId))
                        .max(Comparator.comparingLong(Dataset::id));
                if (existing.isPresent()) return "redirect:/datasets/" + existing.get().id();
            }
            List<TextLine> lines = new ArrayList<>();
            for (int k = 0; k < DemoDataset.SENTENCES.size(); k++) {
                lines.add(new TextLine(DemoDataset.SENTENCES.get(k), k + 1));
            }
            DatasetService.Change change = datasets.create(name, modelId, lines, List.of(), 0);
            return "redirect:/datasets/" + change.dataset().id();
        } catch (DomainException e) {
            response.setStatus(ErrorStatus.of(e));
            page.addAttribute("error", e.getMessage());
            return home(page);
        }
    }

    /** The home page's dismiss button on an unfinished job: see {@link DatasetJobs#dismiss}. */
    @PostMapping("/datasets/jobs/{id}/dismiss")
    String dismissJob(@PathVariable String id) {
        try {
            jobs.dismiss(id);
        } catch (NotFoundException e) {
            // already gone: the list shows the truth either way
        }
        return "redirect:/";
    }

    @PostMapping("/datasets/{id}/delete")
    String delete(@PathVariable String id) {
        Long parsed = parseId(id);
        if (parsed != null) {
            try {
                datasets.delete(parsed);
            } catch (DomainException e) {
                // already gone: the list shows the truth either way
            }
        }
        return "redirect:/";
    }

    @GetMapping("/datasets/{id}")
    String dataset(@PathVariable String id, Model model, HttpServletResponse response, Locale locale) {
        Long parsed = parseId(id);
        Dataset dataset = null;
        if (parsed != null) {
            try {
                dataset = datasets.get(parsed);
            } catch (NotFoundException e) {
                // shown below as the readable 404 page
            }
        }
        if (dataset == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("status", 404);
            model.addAttribute("detail", messages.getMessage("error.datasetMissing", new Object[] {id}, locale));
            return "error";
        }
        model.addAttribute("dataset", new DatasetHeader(dataset.id(), dataset.name(), dataset.model(),
                datasets.sentenceCount(dataset.id()), datasets.duplicates(dataset.id()), tiles.tiledAbove()));
        model.addAttribute("uiText", scriptText(locale));
        model.addAttribute("modulePreloads", preloads.of("explorer.js", "transfer-view.js"));
        return "dataset";
    }

    /**
     * The js.* messages as a JSON object for the page's script. '<' is escaped so the text can never close
     * the script element it sits in.
     */
    private String scriptText(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("messages", locale);
        Map<String, String> text = new TreeMap<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith("js.")) {
                text.put(key.substring(3), messages.getMessage(key, null, locale));
            }
        }
        return JSON.writeValueAsString(text).replace("<", "\\u003c");
    }

    private List<ModelOption> modelOptions() {
        return models.all().stream().map(this::option).toList();
    }

    private ModelOption option(ModelSpec spec) {
        boolean isDefault = spec.id().equals(models.defaultId());
        String label = spec.id() + " (" + String.join(", ", spec.languages()) + ", " + spec.dimension() + " dims)"
                + (isDefault ? " · default" : "");
        return new ModelOption(spec.id(), label, isDefault);
    }

    private static Long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
