import ai.djl.pytorch.jni.JniUtils;
import org.bert4j.cli.bench.Bert4jTrainingPass;
import org.bert4j.cli.bench.DjlTrainingPass;
import org.bert4j.cli.bench.MaskedBatch;
import org.bert4j.cli.bench.TrainingPass;
import org.bert4j.cli.bench.TrainingShape;

/**
 * PyTorch's profiler around a few `bench --train` steps of one engine (BERT-base shape, B 8, T 128), written as a
 * Chrome trace for summarize.py. A diagnostic, not part of the build:
 *
 *   javac -cp bert4j-cli/target/bert4j.jar -d /tmp/profile experiments/train-throughput/Profile.java
 *   java -Xmx8g -cp bert4j-cli/target/bert4j.jar:/tmp/profile Profile bert 3 /tmp/bert.json
 *   python3 experiments/train-throughput/summarize.py 3 /tmp/bert.json
 *
 * Families: those of `bench --train`, or `djl` for DJL's BertPretrainingBlock.
 */
public class Profile {
    public static void main(String[] args) throws Exception {
        String family = args[0];
        int steps = Integer.parseInt(args[1]);
        TrainingShape shape = new TrainingShape(12, 768, 12, 3072, 30522, 8, 128);
        MaskedBatch batch = MaskedBatch.random(shape, 42);
        TrainingPass pass = family.equals("djl") ? new DjlTrainingPass(shape, batch)
                : new Bert4jTrainingPass(family, shape, true, batch);
        for (int i = 0; i < 2; i++) pass.run(); // warm-up, outside the trace
        JniUtils.startProfile(false, true, false); // record input shapes
        for (int i = 0; i < steps; i++) pass.run();
        JniUtils.stopProfile(args[2]);
        pass.close();
    }
}
