package org.bert4j.checkpoint;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.Set;

/**
 * A read-only set of named tensors from one checkpoint (a safetensors file or shard set, an ONNX model's
 * initializers, a TF tensor bundle). Names are the file's own; mapping them to bert4j's parameter paths is the
 * family's weight table's job. Closing releases mapped files: tensors read before must not be used after.
 */
public interface TensorSource extends Closeable {

    /** The file or directory the tensors come from, for error messages. */
    Path origin();

    Set<String> names();

    /** The tensor with this name; throws {@link CheckpointException} naming the file and key when absent. */
    StoredTensor get(String name);

    @Override
    void close();
}
