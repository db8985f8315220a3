package org.capgov.supervision;

import org.capgov.identity.SystemActor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the tasks of the task tables at start-up (after the departments exist; each task once). */
@Component
@Order(5)
class TaskLoader implements ApplicationRunner {

    private final TaskService tasks;

    TaskLoader(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemActor.run(tasks::loadFiles);
    }
}
