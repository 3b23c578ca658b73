package com.qmailing.command.blob;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Group commit for folder syncs. Every put forces its folder so its rename survives a crash; puts
 * into one folder at the same time (one account's mail) need only one force between them: a force
 * that starts after a rename covers it. A caller takes a ticket once its rename is done and
 * returns when a force that started after that ticket has finished, its own or another's.
 */
final class FolderSyncs {

    interface Force {
        void force(Path folder) throws IOException;
    }

    private final Force force;
    private final ConcurrentMap<Path, Group> groups = new ConcurrentHashMap<>();

    FolderSyncs(Force force) {
        this.force = force;
    }

    /** Returns once every change to the folder made before the call is on disk. */
    void sync(Path folder) throws IOException {
        groups.computeIfAbsent(folder, unused -> new Group()).sync(folder);
    }

    private final class Group {

        private long issued;
        private long covered;
        private final Object forcing = new Object();

        void sync(Path folder) throws IOException {
            long ticket;
            synchronized (this) {
                ticket = ++issued;
            }
            synchronized (forcing) {
                long upTo;
                synchronized (this) {
                    if (covered >= ticket) {
                        return;
                    }
                    upTo = issued;
                }
                force.force(folder);
                synchronized (this) {
                    covered = upTo;
                }
            }
        }
    }
}
