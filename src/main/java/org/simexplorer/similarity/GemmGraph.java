package org.simexplorer.similarity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a one-node ONNX model, {@code Y = A · Bᵀ} (Gemm with transB=1) or {@code Y = A · B}, written by hand so that
 * no protobuf library is needed. Field numbers follow onnx.proto (ModelProto, GraphProto, NodeProto,
 * AttributeProto, ValueInfoProto, TypeProto.Tensor, TensorShapeProto).
 *
 * <p>Why it stays hand-written: it is the only way here to run a bare matrix product on ONNX Runtime, the fastest
 * route on this kind of machine ({@code bench similarity}, keys {@code product_n*_gflops_best}, in
 * docs/benchmarks.md). ORT's Java API takes a model only as bytes or a file, and no kept library on the classpath writes ONNX
 * protobuf (onnx's own builders are Python; protobuf-java plus the generated onnx classes would be a large
 * dependency for one fixed, 100-byte graph). The graph never changes, and MatrixProductTest checks its products.
 */
final class GemmGraph {

    private static final int FLOAT = 1;          // TensorProto.DataType.FLOAT
    private static final int ATTRIBUTE_INT = 2;  // AttributeProto.AttributeType.INT

    private GemmGraph() {
    }

    /** Inputs "A" [m,k] and "B" [n,k], output "Y" [m,n]; all dimensions symbolic. */
    static byte[] transposedB() {
        return gemm(true);
    }

    /** Inputs "A" [m,k] and "B" [k,n], output "Y" [m,n]; all dimensions symbolic. */
    static byte[] plain() {
        return gemm(false);
    }

    private static byte[] gemm(boolean transposeB) {
        Proto transB = new Proto().string(1, "transB").varint(3, transposeB ? 1 : 0).varint(20, ATTRIBUTE_INT);
        Proto node = new Proto().string(1, "A").string(1, "B").string(2, "Y")
                .string(3, "gemm").string(4, "Gemm").message(5, transB);
        Proto graph = new Proto().message(1, node).string(2, transposeB ? "a_times_b_transposed" : "a_times_b")
                .message(11, tensor("A", "m", "k"))
                .message(11, transposeB ? tensor("B", "n", "k") : tensor("B", "k", "n"))
                .message(12, tensor("Y", "m", "n"));
        Proto opset = new Proto().string(1, "").varint(2, 13);
        return new Proto().varint(1, 7).string(2, "similarity-explorer")
                .message(7, graph).message(8, opset).bytes();
    }

    private static Proto tensor(String name, String rows, String cols) {
        Proto shape = new Proto().message(1, new Proto().string(2, rows)).message(1, new Proto().string(2, cols));
        Proto tensorType = new Proto().varint(1, FLOAT).message(2, shape);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensorType));
    }

    /** Just enough of the protobuf wire format: varints and length-delimited fields. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            writeVarint((long) field << 3);
            writeVarint(value);
            return this;
        }

        Proto string(int field, String value) {
            return lengthDelimited(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto message) {
            return lengthDelimited(field, message.bytes());
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private Proto lengthDelimited(int field, byte[] payload) {
            writeVarint(((long) field << 3) | 2);
            writeVarint(payload.length);
            out.writeBytes(payload);
            return this;
        }

        private void writeVarint(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }
    }
}
