package org.capgov.supervision;

import org.capgov.web.DashboardCard;
import org.springframework.stereotype.Component;

/** The home page's card of due-soon and overdue tasks (template {@code dashboard.html}, attribute {@code taskBoard}). */
@Component
class TaskBoardCard implements DashboardCard {

    private final TaskBoard board;

    TaskBoardCard(TaskBoard board) {
        this.board = board;
    }

    @Override
    public String attribute() {
        return "taskBoard";
    }

    @Override
    public Object content() {
        return board.summary(8);
    }
}
