package org.simexplorer.comparison;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.simexplorer.similarity.MapSample;

/** The binary body of {@code GET .../map-sample}: flat little-endian arrays, about 8·N·place bytes. */
final class MapSampleBody {

    static final String MODEL_HEADER = "Map-Model";
    static final String LAYOUT = "Little-endian. int32 n, m (sampled), k, place; int32[m] the sampled sentences,"
            + " ascending; int32[m·k] each one's k nearest other sampled sentences as positions in that list, most"
            + " similar first; float32[m·k] their cosines; int32[(n−m)·place] for each sentence not sampled, in"
            + " ascending order, its nearest sampled sentences as positions; float32[(n−m)·place] their cosines.";

    private MapSampleBody() {
    }

    static byte[] encode(MapSample s) {
        int m = s.sample().length;
        long bytes = 16L + 4L * m + 8L * s.sampleNeighbours().length + 8L * s.restNeighbours().length;
        ByteBuffer body = ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
        body.putInt(s.n()).putInt(m).putInt(s.k()).putInt(s.place());
        for (int row : s.sample()) body.putInt(row);
        for (int row : s.sampleNeighbours()) body.putInt(row);
        for (float cosine : s.sampleCosines()) body.putFloat(cosine);
        for (int row : s.restNeighbours()) body.putInt(row);
        for (float cosine : s.restCosines()) body.putFloat(cosine);
        return body.array();
    }
}
