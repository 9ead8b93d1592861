package io.fleetbench.standalone;

/** Another fleetbench run holds the data folder's lock; the message is one line naming the folder and the fix. */
final class DataDirectoryInUseException extends RuntimeException {

    DataDirectoryInUseException(String message) {
        super(message);
    }
}
