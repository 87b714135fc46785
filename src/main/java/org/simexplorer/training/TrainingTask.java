package org.simexplorer.training;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A training is one execution of this db-scheduler task: its instance id is the adapter id, its data the labelled
 * pairs. An execution whose instance died is revived and runs again, on whichever instance claims it.
 */
@Configuration(proxyBeanMethods = false)
class TrainingTask {

    static final TaskDescriptor<TrainingPairs> DESCRIPTOR = TaskDescriptor.of("adapter-training", TrainingPairs.class);

    static TaskInstance<TrainingPairs> instance(long adapterId, TrainingPairs pairs) {
        return new TaskInstance<>(DESCRIPTOR.getTaskName(), Long.toString(adapterId), pairs);
    }

    @Bean
    CustomTask<TrainingPairs> adapterTraining(TrainingExecutions executions) {
        return Tasks.custom(DESCRIPTOR).onDeadExecutionRevive().execute(executions::execute);
    }
}
