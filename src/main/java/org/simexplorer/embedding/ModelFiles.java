package org.simexplorer.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Component;

/**
 * Puts a model's files on disk, where ONNX Runtime and the tokenizer can open them. Carrier-jar resources are
 * copied once into a fixed cache folder and reused while their size matches, so a start-up costs no copy
 * and leaves no temp files, whether the app runs from classes or from the packaged jar.
 */
@Component
public class ModelFiles {

    /** The two files a loaded model needs. */
    public record Paths(Path onnx, Path tokenizer) {
    }

    private final Path cacheDir;

    public ModelFiles(EmbeddingProperties properties) {
        this.cacheDir = properties.cacheDir();
    }

    public Paths locate(ModelSpec spec) {
        if (spec.source() instanceof ModelSpec.Folder folder) {
            return new Paths(folder.dir().resolve("model.onnx"), folder.dir().resolve("tokenizer.json"));
        }
        ModelSpec.Classpath classpath = (ModelSpec.Classpath) spec.source();
        Path dir = cacheDir.resolve(spec.id());
        return new Paths(copyOnce(classpath.onnxResource(), dir.resolve("model.onnx")),
                copyOnce(classpath.tokenizerResource(), dir.resolve("tokenizer.json")));
    }

    private Path copyOnce(String resource, Path target) {
        URL url = ModelFiles.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("Model resource '" + resource + "' is not on the classpath; "
                    + "is its langchain4j-embeddings carrier jar a dependency?");
        }
        try {
            URLConnection connection = url.openConnection();
            long size = connection.getContentLengthLong();
            if (Files.isRegularFile(target) && size >= 0 && Files.size(target) == size) {
                return target;
            }
            Files.createDirectories(target.getParent());
            // Copy beside the target and move it into place, so a concurrent or killed start never sees half a file.
            Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy model resource " + resource + " to " + target, e);
        }
    }
}
